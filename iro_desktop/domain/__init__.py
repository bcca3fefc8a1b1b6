"""The pure domain: records, codes and the statutory rules. No clock, no I/O, no Qt."""
