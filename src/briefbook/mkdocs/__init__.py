"""MkDocs glue: the only part of Briefbook that imports MkDocs."""
