"""The readers: the language skills every claim kind reasons with, none of them knowing any story.

Sentences (`text`), clause segments and tense (`clauses`), dates and times resolved against publication and
narrative time (`temporal`), the people and places of the rules and their variants (`names`), event words and
their participants (`events`), figures with their qualifiers (`counts`), roles beside names (`titles`), quotations
and their speakers (`quotes`), every date of a file as `factcheck dates` lists them (`dates`), scanning a text for
word lists fast (`wordstarts`), and one article read once for all claims (`reading`). Each applies the
vocabularies and rules of `factcheck/language/`; none imports a claim kind.
"""
