"""Models, one small nn.Module per concept, built on torch's own layers where they serve."""
