"""The boards' public and members' pages: lists and search, the "skills wanted" page, a post's
page (JSON-LD, matches, writing through the directory's relay), the forms of the four kinds,
renewal, one's own posts (archived included), the Atom feed. Thin: parse, call, commit, render."""
from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from core import geo
from core.accounts.models import User
from core.extensions import db
from core.modules.service import is_enabled
from core.ui import long_date
from plugins.directory import relay_message

from . import access, jsonld, matching, posts, vocabulary
from .formflow import handle, well_formed
from .forms import FORMS, ContactForm, EmptyForm, RenewForm
from .models import PUBLIC_KINDS, SKILL_WANTED, SPOUSE_PROFILE

bp = Blueprint("boards", __name__, url_prefix="/boards")


def _filters():
    """The list's filters from the query string; an unknown kind or commune lists nothing."""
    kind = request.args.get("kind", "")[:20]
    rome = request.args.get("rome", "").strip().upper()[:12]
    commune_text = request.args.get("commune", "").strip()[:120]
    commune = None
    if commune_text:
        found = geo.resolve(commune_text, limit=1)
        commune = found[0].code if found else "-"
    return kind, rome, commune, commune_text, request.args.get("q", "").strip()[:120]


@bp.get("", endpoint="index")
def index():
    kind, rome, commune, commune_text, q = _filters()
    found = posts.listing(current_user, kind=kind or None, rome=rome or None, commune=commune, q=q) \
        if kind in ("", *PUBLIC_KINDS, SPOUSE_PROFILE) else []
    return render_template("boards/index.html", posts=found, kind=kind, rome=rome, commune=commune_text, q=q,
                           json_ld=[jsonld.job_posting(p) for p in found if p.kind != SPOUSE_PROFILE])


@bp.get("/skills-wanted", endpoint="skills_wanted")
def skills_wanted():
    found = posts.listing(current_user, kind=SKILL_WANTED)
    return render_template("boards/skills_wanted.html", posts=found, json_ld=[jsonld.job_posting(p) for p in found])


@bp.get("/feed.atom", endpoint="feed")
def feed():
    found = posts.listing(None, limit=50)
    body = render_template("boards/feed.atom", posts=found, updated=max((p.published_at for p in found), default=None))
    return Response(body, mimetype="application/atom+xml")


def _post_page(post, contact_form=None, renew_form=None, status=200):
    live = posts.is_live(post)
    return render_template(
        "boards/show.html", post=post, live=live, expired=posts.is_expired(post), owns=posts.owns(post, current_user),
        is_admin=access.is_admin(current_user), codes=vocabulary.labelled(posts.codes_of(post)),
        communes=posts.communes_of(post), spouses=matching.spouses_for(post, current_user) if live else [],
        members=matching.members_for(post, current_user) if live else [],
        listed=matching.directory_profiles_for(post, current_user) if live else [],
        can_write=_may_write(post), relay_on=is_enabled("directory"),
        contact_form=contact_form or ContactForm(), renew_form=renew_form or RenewForm(ends_on=post.ends_on),
        json_ld=jsonld.job_posting(post) if live and post.kind != SPOUSE_PROFILE else None), status


@bp.get("/posts/<int:post_id>", endpoint="show")
def show(post_id):
    post = posts.visible(post_id, current_user)
    if post is None:
        abort(404)
    return _post_page(post)


def _may_write(post) -> bool:
    """Signed in, not their own post, the post live and seen: a member writes to an author; a
    spouse is written to by those who may see spouse profiles."""
    return (current_user.is_authenticated and not posts.owns(post, current_user) and posts.is_live(post)
            and (post.person_id or post.author_id) is not None)


def _write(recipient_id, post, form):
    recipient = db.session.get(User, recipient_id)
    # A refusal (rate limit, block, suspension) goes on to the core's handler: rolled back, told.
    relay_message(current_user, recipient, form.body.data, about=_("About: %(title)s", title=post.title),
                  limit=access.contact_limit(current_user))
    db.session.commit()
    flash(_("Your message is sent. Their address is not shown to you; if they reply by e-mail, you will get "
            "their reply in your mailbox."), "success")
    return redirect(url_for(".show", post_id=post.id), 303)


@bp.post("/posts/<int:post_id>/write", endpoint="write")
@login_required
def write(post_id):
    post = posts.visible(post_id, current_user)
    if post is None or not _may_write(post) or not is_enabled("directory"):
        abort(404)
    form = ContactForm()
    if not form.validate_on_submit():
        return _post_page(post, contact_form=form, status=422)
    return _write(post.person_id or post.author_id, post, form)


@bp.post("/posts/<int:post_id>/members/<int:user_id>/write", endpoint="write_member")
@login_required
def write_member(post_id, user_id):
    post = posts.visible(post_id, current_user)
    if post is None or not is_enabled("directory") or not matching.is_matching_member(post, current_user, user_id):
        abort(404)
    form = ContactForm()
    if not form.validate_on_submit():
        return _post_page(post, contact_form=form, status=422)
    return _write(user_id, post, form)


@bp.route("/new/<kind>", methods=["GET", "POST"], endpoint="new")
@login_required
def new(kind):
    if kind not in FORMS:
        abort(404)
    form = FORMS[kind]()
    fields = ("title", "description", "codes", "communes", "ends_on", "organisation", "employment_type", "headcount",
              "reason", "source_url", "consent")
    done, post, status = handle(form, lambda: posts.create(current_user, kind,
                                                           **{n: form[n].data for n in fields if n in form}),
                                problems=lambda: posts.field_problems(well_formed(form, fields)))
    if done:
        flash(_("Your post is sent: it will show once the territory's team has checked it."), "success")
        return redirect(url_for(".show", post_id=post.id), 303)
    return render_template("boards/form.html", form=form, kind=kind, kind_label=posts.KIND_LABELS[kind],
                           vocabulary_on=vocabulary.available()), status


@bp.post("/posts/<int:post_id>/renew", endpoint="renew")
@login_required
def renew(post_id):
    post = posts.visible(post_id, current_user)
    if post is None or not (posts.owns(post, current_user) or access.is_admin(current_user)):
        abort(404)
    form = RenewForm()
    if not form.validate_on_submit():
        return _post_page(post, renew_form=form, status=422)
    posts.renew(current_user, post_id, form.ends_on.data)
    db.session.commit()
    flash(_("The post is shown until %(day)s.", day=long_date(form.ends_on.data)), "success")
    return redirect(url_for(".show", post_id=post_id), 303)


@bp.post("/posts/<int:post_id>/withdraw", endpoint="withdraw")
@login_required
def withdraw(post_id):
    if not EmptyForm().validate_on_submit():
        abort(400)
    posts.withdraw(current_user, post_id)
    db.session.commit()
    flash(_("The post is removed."), "success")
    return redirect(url_for(".mine"), 303)


@bp.get("/mine", endpoint="mine")
@login_required
def mine():
    return render_template("boards/mine.html", posts=posts.mine(current_user), today=posts.today())


@bp.get("/spouses", endpoint="spouses")
@login_required
def spouses():
    access.require(access.may_see_spouses(current_user))
    kind, rome, commune, commune_text, q = _filters()
    found = posts.listing(current_user, kind=SPOUSE_PROFILE, rome=rome or None, commune=commune, q=q)
    return render_template("boards/spouses.html", posts=found, rome=rome, commune=commune_text, q=q)
