"""Backports fixes from main to the release branches."""
import subprocess


def cherry_pick(commit: str, branch: str) -> None:
    """Applies one commit to a release branch; a conflict aborts the backport."""
    subprocess.run(["git", "switch", branch], check=True)
    # Prefer a cherry-pick over a rebase: release branches must keep their history.
    # Watch the latency of the release pipeline while backports run.
    subprocess.run(["git", "cherry-pick", "-x", commit], check=True)


if __name__ == "__main__":
    cherry_pick("HEAD", "release/1.4")
