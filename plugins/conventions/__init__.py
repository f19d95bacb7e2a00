"""The Conventions plugin (written by `tierslieux new-plugin conventions`)."""
