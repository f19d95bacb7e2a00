"""The `[plugins.conventions]` table of the territory file: conventions' `MODULE.config`, checked
by the core at start-up.

The clauses of the convention to sign are a template: each is Markdown (raw HTML is escaped)
in which `{{ partner }}`, `{{ reference }}`, `{{ starts_on }}`, `{{ ends_on }}`,
`{{ cancel_notice_hours }}`, `{{ no_show_counts }}` and `{{ operator }}` are replaced (a sandboxed
Jinja template). A territory file overrides any of them:

    [plugins.conventions.clauses.insurance]
    title = "Assurances"
    text = "L'employeur {{ partner }} ..."
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from core.plugins import plugin_config


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Clause(_Section):
    title: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1, max_length=20_000)


class Clauses(_Section):
    """The five clauses every convention carries, in this order."""

    insurance: Clause = Clause(
        title="Assurances",
        text="{{ partner }} garantit ses agents en télétravail au titre de sa responsabilité civile et des "
             "accidents du travail. {{ operator }} assure les locaux et le mobilier des télécentres.")
    it_security: Clause = Clause(
        title="Sécurité informatique",
        text="Les agents utilisent le matériel fourni par leur employeur et se connectent à son système "
             "d'information par son VPN. Le réseau des télécentres fournit un accès à Internet filtré, "
             "séparé par poste ; il n'a accès à aucune donnée des postes des agents.")
    health_safety: Clause = Clause(
        title="Santé et sécurité au travail",
        text="Les télécentres respectent le Code du travail (postes, éclairage, issues de secours). "
             "L'employeur peut visiter les lieux avec son service de prévention, après accord du gestionnaire.")
    data_processing: Clause = Clause(
        title="Données personnelles (article 28 du RGPD)",
        text="Pour les besoins de la convention, {{ operator }} traite, en qualité de sous-traitant de "
             "{{ partner }}, les nom, adresse e-mail et jours de présence des agents : uniquement sur "
             "instruction documentée de l'employeur, par des personnes tenues à la confidentialité, avec "
             "les mesures de sécurité de l'article 32 ; il aide l'employeur à répondre aux demandes "
             "d'exercice des droits, lui notifie toute violation de données dans les 48 heures, supprime ou "
             "restitue les données au terme de la convention, et met à sa disposition les informations "
             "nécessaires aux audits. Aucun sous-traitant ultérieur sans autorisation écrite.")
    no_show: Clause = Clause(
        title="Annulations et absences",
        text="Une réservation annulée moins de {{ cancel_notice_hours }} heures avant son début est due. "
             "{% if no_show_counts %}Une absence sans annulation est décomptée comme un jour consommé."
             "{% else %}Une absence sans annulation n'est pas décomptée.{% endif %}")


class ConventionsConfig(_Section):
    clauses: Clauses = Clauses()
    signed_copy_max_kb: int = Field(default=5_120, ge=100, le=8_000,
                                    description="largest signed copy accepted (PDF), in kilobytes; requests are capped at 8 MB")


def settings() -> ConventionsConfig:
    return plugin_config("conventions")
