"""The markdown table of bench/webhooks.sh's tracing mode: each round's acknowledgements sampled out and in."""
import pathlib
import re
import sys


def read(path):
    text = path.read_text()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50, p99 = (float(v) for v in re.search(r"p50_ms=([\d.]+) p99_ms=([\d.]+)", text).groups())
    return rps, p50, p99


work, rounds = pathlib.Path(sys.argv[1]), int(sys.argv[2])
print("| Round | Sampled out: ack/s, p50, p99 | Sampled in: ack/s, p50, p99 | In / out (ack/s) |")
print("|---|---|---|---|")
for r in range(1, rounds + 1):
    out, sampled = read(work / f"out-{r}.txt"), read(work / f"in-{r}.txt")
    print(f"| {r} | {out[0]:.0f}/s, {out[1]:.1f} ms, {out[2]:.1f} ms"
          f" | {sampled[0]:.0f}/s, {sampled[1]:.1f} ms, {sampled[2]:.1f} ms | {sampled[0] / out[0]:.2f} |")
