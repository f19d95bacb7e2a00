"""The ROME vocabulary: shipped and loaded by the migration, suggestions without accents,
broader entries expanded, a newer version loaded by the CLI."""
from __future__ import annotations

import gzip

from plugins.directory import expand, job, skill, suggest


def test_the_migration_loads_the_shipped_vocabulary(app):
    with app.app_context():
        assert job("M1203").label == "Comptable"
        assert job("M12").kind == "domain"
        found = skill("121739")
        assert found.label == "Réaliser un bilan comptable" and found.group_code == "300319"
        assert skill("300319").kind == "macro_skill"
        assert job("Z9999") is None and skill("nope") is None


def test_suggestions_ignore_accents_and_case(app):
    with app.app_context():
        compta = [e.label for e in suggest("compta")]
        assert "Comptable" in compta
        assert any(e.code == "M1805" for e in suggest("developpeur", limit=20))
        assert any(e.code == "E1108" for e in suggest("TRADUCTEUR"))
        assert suggest("") == [] and suggest("x") == []


def test_a_macro_skill_expands_to_the_skills_under_it_and_a_domain_to_its_jobs(app):
    with app.app_context():
        under = expand(["300319"])
        assert {"300319", "121739"} <= under
        assert {"M1203", "M1211", "M12"} <= expand(["M12"])
        assert expand(["M1203"]) == {"M1203"}


def test_load_rome_replaces_the_vocabulary(app, runner, tmp_path):
    metiers = tmp_path / "metiers.csv"
    metiers.write_text('"code_rome","libelle_rome","code_grand_domaine","libelle_grand_domaine",'
                       '"code_domaine_professionel","libelle_domaine_professionel"\n'
                       '"M1203","Comptable (nouvelle version)","M","Support","M12","Comptabilité"\n', encoding="utf-8")
    competences = tmp_path / "competences.csv.gz"
    with gzip.open(competences, "wt", encoding="utf-8") as handle:
        handle.write("code_ogr,nature,label,category,subcategory,macro_code_ogr\n"
                     "1,Macro-compétence,Compter,Savoir-faire,Technique,\n2,Compétence,Compter vite,Savoir-faire,"
                     "Technique,1\n")
    result = runner.invoke(args=["directory", "load-rome", "--metiers", str(metiers), "--competences",
                                 str(competences)])
    assert result.exit_code == 0, result.output
    assert "1 jobs, 2 skills" in result.output
    with app.app_context():
        assert job("M1203").label == "Comptable (nouvelle version)" and job("M1805") is None
        assert expand(["1"]) == {"1", "2"}
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    result = runner.invoke(args=["directory", "load-rome", "--metiers", str(bad)])
    assert result.exit_code != 0 and "expected the columns" in result.output
    assert runner.invoke(args=["directory", "load-rome"]).exit_code == 0  # back to the shipped version
    with app.app_context():
        assert job("M1805") is not None


def test_the_suggestions_json_gives_jobs_or_skills_for_the_autocomplete(client, auth, make_user):
    assert client.get("/directory/suggest.json?q=compta").status_code == 302  # members only
    auth.login(make_user())
    jobs = client.get("/directory/suggest.json?kind=job&q=developpeur&limit=8").get_json()
    assert jobs and {e["kind"] for e in jobs} == {"job"} and len(jobs) <= 8
    assert any(e["label"] == "Développeur / Développeuse web" for e in jobs)
    skills = client.get("/directory/suggest.json?kind=skill&q=compta").get_json()
    assert skills and {e["kind"] for e in skills} <= {"skill", "macro_skill"}
    assert client.get("/directory/suggest.json?kind=skill&q=").get_json() == []
