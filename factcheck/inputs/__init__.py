"""What a check reads: article files and their headers (`article`), and which of them git says changed (`git`)."""
