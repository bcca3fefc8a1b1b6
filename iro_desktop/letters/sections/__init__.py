"""The wording of each section of the letter, one function per section, in each version."""
