# src/widgets: one file per widget kind plus the registry table.
