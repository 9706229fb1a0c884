"""Synthetic data generators: small, exact, and seeded by an explicit torch.Generator."""
