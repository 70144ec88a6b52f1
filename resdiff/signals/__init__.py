"""Analyse: what a clause says in substance (verbs, topics, qualifiers, links, actors,
references, numbers) and what changed between aligned clauses, read through lenses."""
