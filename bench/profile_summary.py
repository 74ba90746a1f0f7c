#!/usr/bin/python3
"""Self time per operator from a Chrome trace written by `bench_restore --profile`.

LibTorch's legacy profiler records nested ranges (conv2d > _convolution > mkldnn_convolution);
the self time of a range is its duration minus that of its direct children on the same
thread, so the shares add up to the profiled time.

    bench/profile_summary.py TRACE.json [--top 25]
"""
import argparse
import collections
import json


def self_times(events):
    by_thread = collections.defaultdict(list)
    for e in events:
        if e.get("ph") == "X":
            by_thread[e.get("tid")].append((float(e["ts"]), float(e["dur"]), e["name"]))
    totals = collections.Counter()
    counts = collections.Counter()
    for ranges in by_thread.values():
        ranges.sort(key=lambda r: (r[0], -r[1]))
        stack = []  # [end, name, child time]
        def close(until):
            while stack and stack[-1][0] <= until:
                end, name, child, dur = stack.pop()
                totals[name] += dur - child
                if stack:
                    stack[-1][2] += dur
        for ts, dur, name in ranges:
            close(ts)
            stack.append([ts + dur, name, 0.0, dur])
            counts[name] += 1
        close(float("inf"))
    return totals, counts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("trace")
    ap.add_argument("--top", type=int, default=25)
    a = ap.parse_args()
    with open(a.trace) as f:
        data = json.load(f)
    events = data["traceEvents"] if isinstance(data, dict) else data
    totals, counts = self_times(events)
    whole = sum(totals.values())
    print(f"{'operator':<40}{'calls':>8}{'self ms':>10}{'share':>8}")
    for name, us in totals.most_common(a.top):
        print(f"{name:<40}{counts[name]:>8}{us / 1000:>10.1f}{100 * us / whole:>7.1f}%")
    print(f"{'all':<40}{sum(counts.values()):>8}{whole / 1000:>10.1f}")


if __name__ == "__main__":
    main()
