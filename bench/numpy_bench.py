"""numpy side of `npm run bench`.

Reads the manifest written by bench/numpy.ts (the very same float64 matrices
the JavaScript libraries saw, little-endian, row-major), times each operation
with time.perf_counter using the same warm-up/repetition policy, checks the
residuals the same way, and prints one JSON object on stdout.

Run single-threaded: the parent sets OMP/OPENBLAS/MKL_NUM_THREADS=1 and
removes OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE for this process only.
"""
import ctypes
import json
import os
import statistics
import sys
import time

TOL = 1e-8


def blas_info(np):
    info = {"numpy": np.__version__}
    try:
        cfg = np.show_config(mode="dicts")
        blas = cfg.get("Build Dependencies", {}).get("blas", {})
        info["blas_name"] = blas.get("name")
        info["blas_version"] = blas.get("version")
    except Exception as exc:  # older numpy: no mode= argument
        info["blas_error"] = repr(exc)
    # Ask every OpenBLAS loaded into this process which kernel it picked.
    libs = []
    try:
        with open("/proc/self/maps") as fh:
            for line in fh:
                path = line.split()[-1]
                if "openblas" in os.path.basename(path).lower() and path not in libs:
                    libs.append(path)
    except OSError:
        pass
    cores = []
    for path in libs:
        entry = {"lib": os.path.basename(path)}
        try:
            lib = ctypes.CDLL(path)
        except OSError as exc:
            entry["error"] = repr(exc)
            cores.append(entry)
            continue
        for prefix in ("scipy_openblas_", "openblas_"):
            for suffix in ("64_", ""):
                name = prefix + "get_corename" + suffix
                if hasattr(lib, name):
                    fn = getattr(lib, name)
                    fn.restype = ctypes.c_char_p
                    entry["corename"] = fn().decode()
                    cfgname = prefix + "get_config" + suffix
                    if hasattr(lib, cfgname):
                        f2 = getattr(lib, cfgname)
                        f2.restype = ctypes.c_char_p
                        entry["config"] = f2().decode().strip()
                    thname = prefix + "get_num_threads" + suffix
                    if hasattr(lib, thname):
                        f3 = getattr(lib, thname)
                        f3.restype = ctypes.c_int
                        entry["threads"] = f3()
                    break
            if "corename" in entry:
                break
        cores.append(entry)
    info["openblas"] = cores
    try:
        import threadpoolctl  # optional

        info["threadpoolctl"] = threadpoolctl.threadpool_info()
    except ImportError:
        info["threadpoolctl"] = None
    info["env"] = {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    return info


def make_ops(np, lu):
    la = np.linalg

    def fro(x):
        return float(np.linalg.norm(x))

    def orth(x):
        return fro(x.T @ x - np.eye(x.shape[1]))

    def svd(A, b):
        return la.svd(A, full_matrices=False)

    def svd_check(A, out):
        U, S, Vh = out
        return {"recon": fro(A - (U * S) @ Vh) / fro(A), "orthU": orth(U), "orthV": orth(Vh.T)}

    def eigh_check(A, out):
        w, V = out
        return {"resid": fro(A @ V - V * w) / fro(A), "orthV": orth(V)}

    def eig_check(A, out):
        w, V = out
        return {"resid": fro(A @ V - V * w) / (fro(A) * fro(V)), "trace": abs(np.trace(A) - w.real.sum()) / fro(A)}

    def qr_check(A, out):
        Q, R = out
        return {"recon": fro(A - Q @ R) / fro(A), "orthQ": orth(Q), "triR": float(np.abs(np.tril(R, -1)).max()) / fro(R)}

    def lu_run(A, b):
        return lu(A)

    def lu_check(A, out):
        P, L, U = out
        return {"recon": fro(P @ L @ U - A) / fro(A)}

    def chol_check(A, out):
        return {"recon": fro(out @ out.T - A) / fro(A)}

    def inv_check(A, out):
        return {"resid": fro(A @ out - np.eye(A.shape[0])) / (fro(A) * fro(out))}

    def lstsq_run(A, b):
        return la.lstsq(A, b, rcond=None)[0]

    def lstsq_check(A, out, b):
        g = A.T @ (A @ out - b)
        return {"normalEq": fro(g) / (fro(A) * (fro(A) * fro(out) + fro(b)))}

    def pca_run(X, b):
        Xc = X - X.mean(axis=0)
        U, S, Vh = la.svd(Xc, full_matrices=False)
        return Xc, U * S, Vh, S

    def pca_check(X, out):
        Xc, scores, Vh, S = out
        return {"recon": fro(scores @ Vh - Xc) / fro(Xc), "orthC": orth(Vh.T), "proj": fro(Xc @ Vh.T - scores) / fro(Xc)}

    ops = {
        "svd": (svd, svd_check, "np.linalg.svd(A, full_matrices=False)"),
        "svd-wide": (svd, svd_check, "np.linalg.svd(A, full_matrices=False)"),
        "eigh": (lambda A, b: la.eigh(A), eigh_check, "np.linalg.eigh"),
        "eig": (lambda A, b: la.eig(A), eig_check, "np.linalg.eig"),
        "qr": (lambda A, b: la.qr(A), qr_check, "np.linalg.qr"),
        "cholesky": (lambda A, b: la.cholesky(A), chol_check, "np.linalg.cholesky"),
        "inv": (lambda A, b: la.inv(A), inv_check, "np.linalg.inv"),
        "lstsq": (lstsq_run, lstsq_check, "np.linalg.lstsq(A, b, rcond=None)"),
        "lstsq-tall": (lstsq_run, lstsq_check, "np.linalg.lstsq(A, b, rcond=None)"),
        "pca": (pca_run, pca_check, "centre + np.linalg.svd(Xc, full_matrices=False)"),
    }
    if lu is not None:
        ops["lu"] = (lu_run, lu_check, "scipy.linalg.lu (numpy has no LU)")
    return ops


def timed(fn, A, b):
    """One call: (result, wall ms by perf_counter, CPU ms of the process)."""
    c0 = time.process_time()
    t0 = time.perf_counter()
    out = fn(A, b)
    wall = (time.perf_counter() - t0) * 1e3
    return out, wall, (time.process_time() - c0) * 1e3


def measure(fn, A, b, reps, budget_ms, slow_ms):
    out, first, cpu = timed(fn, A, b)
    if first >= slow_ms:
        return out, [first], [cpu], "single run"
    warm_total, last, count = first, first, 1
    while warm_total < 600 and count < 300:
        out, last, _ = timed(fn, A, b)
        warm_total += last
        count += 1
    per = max(last, 1e-3)
    reps = max(1, min(max(reps, min(200, int(500 // per))), int(budget_ms // per)))
    samples, cpus = [], []
    for _ in range(reps):
        out, wall, cpu = timed(fn, A, b)
        samples.append(wall)
        cpus.append(cpu)
    return out, samples, cpus, None


def main():
    manifest = json.load(open(sys.argv[1]))
    import numpy as np

    try:
        from scipy.linalg import lu
    except ImportError:
        lu = None
    info = blas_info(np)
    info["scipy_lu"] = lu is not None
    raw = np.fromfile(manifest["data"], dtype="<f8")
    ops = make_ops(np, lu)
    results = {}
    for c in manifest["cases"]:
        op = c["op"]
        entry = {"samples": [], "notes": [], "wrong": [], "metrics": {}}
        if op not in ops:
            entry["status"] = "n/a"
            entry["notes"].append("numpy has no LU and scipy is not installed" if op == "lu" else "not available")
            results[c["id"]] = entry
            continue
        run, chk, how = ops[op]
        entry["how"] = how
        A = raw[c["a"] : c["a"] + c["rows"] * c["cols"]].reshape(c["rows"], c["cols"]).copy()
        b = raw[c["b"] : c["b"] + c["rows"]].copy() if c.get("b") is not None else None
        try:
            out, samples, cpus, note = measure(run, A, b, c["reps"], manifest["budget_ms"], manifest["slow_ms"])
        except Exception as exc:
            entry["status"] = "error"
            entry["error"] = f"{type(exc).__name__}: {exc}"
            results[c["id"]] = entry
            continue
        entry["samples"] = samples
        entry["median_ms"] = statistics.median(samples)
        entry["cpu_samples"] = cpus
        entry["cpu_median_ms"] = statistics.median(cpus)
        if note:
            entry["notes"].append(note)
        metrics = chk(A, out, b) if op.startswith("lstsq") else chk(A, out)
        entry["metrics"] = metrics
        for k, v in metrics.items():
            if not (v <= TOL):
                entry["wrong"].append(f"{k} = {v:.1e}")
        entry["status"] = "wrong" if entry["wrong"] else "ok"
        results[c["id"]] = entry
    json.dump({"info": info, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
