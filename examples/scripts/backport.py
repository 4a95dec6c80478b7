"""Backport a fix to the release branches.

Uses git cherry-pick rather than a merge or a rebase, so each release branch gets exactly the
commits of the fix and nothing else.
"""
import subprocess
import sys


def cherry_pick(commit: str, branch: str) -> None:
    # Serialization of the commit list is one SHA per line, read from sys.stdin.
    subprocess.run(["git", "switch", branch], check=True)
    subprocess.run(["git", "cherry-pick", "-x", commit], check=True)


if __name__ == "__main__":
    for line in sys.stdin:
        cherry_pick(line.strip(), "release/2.4")
