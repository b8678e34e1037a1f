"""roadmap-scaffold: start a real backend portfolio project, the way an expert would."""

__version__ = "0.1.0"
