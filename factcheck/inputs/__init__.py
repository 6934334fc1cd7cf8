"""What a check reads: article files and their headers (`article`), which of them git says changed (`git`),
and saved web pages made articles (`web`)."""
