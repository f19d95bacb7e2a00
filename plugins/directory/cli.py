"""`tierslieux directory ...`: load a newer ROME vocabulary."""
from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from core.extensions import db


@click.group("directory", help="Directory: the ROME vocabulary of jobs and skills.")
def cli():
    pass


@cli.command("load-rome")
@click.option("--metiers", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Jobs CSV (code_rome, libelle_rome, code_grand_domaine, libelle_grand_domaine, "
                   "code_domaine_professionel, libelle_domaine_professionel); .gz accepted.")
@click.option("--competences", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Skills CSV (code_ogr, nature, label, category, subcategory, macro_code_ogr); .gz accepted.")
@with_appcontext
def load_rome(metiers, competences):
    """Replace the ROME vocabulary (by default with the version shipped in plugins/directory/data),
    then rebuild every profile's search text. Profiles keep their codes."""
    from . import profiles, rome

    metiers = metiers or rome.DATA / "rome-metiers.csv.gz"
    competences = competences or rome.DATA / "rome-competences.csv.gz"
    try:
        jobs, skills = rome.load(db.session.connection(), metiers, competences)
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from None
    count = profiles.touch_all()
    db.session.commit()
    click.echo(f"ROME loaded: {jobs} jobs, {skills} skills; {count} profiles reindexed.")
