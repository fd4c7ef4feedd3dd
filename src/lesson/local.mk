# src/lesson: the lesson language (text in, document model out); no terminal.
