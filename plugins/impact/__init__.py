"""The Impact plugin (written by `tierslieux new-plugin impact`)."""
