"""Devices: pick the one asked for (or the best one) and describe it for provenance.

Kept out of training.py on purpose: this module does not change what a run computes,
so it is not part of any experiment's fingerprint.
"""

import platform
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import torch

DEVICES = ("auto", "cpu", "cuda", "mps")


class DeviceUnavailable(ValueError):
    """The requested device does not exist on this machine."""


def resolve_device(name: str) -> "torch.device":
    """Map 'auto' to the best available device; refuse one that is not there."""
    import torch  # lazily: `chigai --help` and the CLI's checks stay fast

    if name not in DEVICES:
        raise DeviceUnavailable(f"unknown device {name!r}: choose one of {', '.join(DEVICES)}")
    cuda, mps = torch.cuda.is_available(), torch.backends.mps.is_available()
    if name == "auto":
        return torch.device("cuda" if cuda else "mps" if mps else "cpu")
    if (name == "cuda" and not cuda) or (name == "mps" and not mps):
        raise DeviceUnavailable(f"device {name!r} is not available here: use --device cpu or auto")
    return torch.device(name)


def threads_from_env(value: str | None) -> int:
    """Torch threads per process: CHIGAI_THREADS, else 1.

    One thread by default because these models are small (batches of at most 64,
    hidden sizes of at most 128): one thread trains them about as fast as two on an idle
    machine, while two threads beside one busy process wait on each other at every
    parallel region and ran 3 to 4.5 times slower (measured; README "Performance").
    """
    if value is None or not value.strip():
        return 1
    if not value.strip().isdigit() or int(value) < 1:
        raise ValueError(f"CHIGAI_THREADS={value!r} is not a thread count: use a whole number >= 1")
    return int(value)


def describe_device(device: "torch.device", threads: int | None = None) -> str:
    """A human-readable device name for provenance, e.g. 'cuda (NVIDIA H100 80GB HBM3)'.

    `threads`: the torch threads the work ran with, when not this process's own.
    """
    import torch

    if device.type == "cuda":
        return f"cuda ({torch.cuda.get_device_name(device)})"
    if device.type == "cpu":
        threads = threads or torch.get_num_threads()
        return f"cpu ({cpu_model()}, {threads} thread{'' if threads == 1 else 's'})"
    return device.type


def cpu_model() -> str:
    """The CPU's model name: bit-for-bit reproduction holds only on the same model."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()
