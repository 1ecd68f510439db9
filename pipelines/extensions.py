"""Doc extensions used by the jobmarket components, registered once on import."""

from spacy.tokens import Doc

# posting: the structured input (title, location, the board's hints); result: what the
# components extract, one key per field of the extraction contract; sections: the requirement
# level of each line; scan: the one pass over the text that all components read.
for _name in ("posting", "result", "sections", "scan"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
