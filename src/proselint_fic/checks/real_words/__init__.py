"""Real-word slips: a word that is spelt right but is another word than the one meant
(*form* for *from*, *quiet* for *quite*), found by how well each member of a confusion
set fits the words around it (``features``, ``model``; trained by
``scripts/build_real_word_model.py``). The rule, ``typo.real-word``, is in ``rule``.
"""
