"""Text primitives shared by every layer: folding, scripts, numbers, periods, readings."""
