"""Pack -> slide deck (.pptx): theme, slide outline, text fitting, speaker notes."""
