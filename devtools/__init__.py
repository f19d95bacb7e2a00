"""Development tools: never part of a production install.

- `devtools.stripe_emulator`: the part of Stripe's API billing uses, served locally;
- `devtools.smtp_sink`: local SMTP servers that print or keep the e-mails;
- `devtools.serve`: `tierslieux serve-demo`, the app with those stand-ins on free ports;
- `devtools.pytest_plugin`: the test fixtures, for this repository and any plugin's own;
- `devtools.catalogues`: `make extract`, the translation catalogues refreshed one package at a time.

They come with the `dev` extra (`pip install -e '.[dev]'`; `make run` and `make test` install
it). The package ships in every install, but its commands are only offered where the extra's
dependencies are installed (see `core.cli`): `pip install '.[postgres]'` has no `serve-demo`.
"""
