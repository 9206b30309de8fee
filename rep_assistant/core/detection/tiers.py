"""A flag's tier: the main review queue, or "worth a look" (likely breaches shown apart from it).

Its own module so that the review desk can name the tiers without loading the rules.
"""

MAIN = "main"
WORTH_A_LOOK = "worth-a-look"
TIERS = (MAIN, WORTH_A_LOOK)
