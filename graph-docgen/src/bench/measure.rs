//! measure: the two memory probes of the benchmark. Both are high-water marks of a whole
//! process lifetime, which is why every measured phase runs in a fresh child process.

/// Peak resident set of this process in KiB (`VmHWM` of `/proc/self/status`); `None` where
/// procfs is missing (not Linux) or the line cannot be read.
pub fn self_peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    parse_vm_hwm(&status)
}

/// The `VmHWM:   123456 kB` line of a `/proc/<pid>/status` text, in KiB.
pub fn parse_vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find_map(|l| l.strip_prefix("VmHWM:"))?;
    let mut parts = line.split_whitespace();
    let value: u64 = parts.next()?.parse().ok()?;
    match parts.next() {
        Some("kB") | None => Some(value),
        Some(_) => None,
    }
}

/// User + system CPU seconds of `who` (`RUSAGE_SELF` or `RUSAGE_CHILDREN`). On a machine
/// shared with other builds this is steadier than wall time, which waits for a free core.
fn cpu_secs(who: libc::c_int) -> Option<f64> {
    // SAFETY: getrusage only writes into the zeroed struct we own.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(who, &mut usage) } != 0 {
        return None;
    }
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Some(secs(usage.ru_utime) + secs(usage.ru_stime))
}

/// CPU seconds this process has used so far.
pub fn self_cpu_secs() -> Option<f64> {
    cpu_secs(libc::RUSAGE_SELF)
}

/// CPU seconds of the descendants this process has waited for.
pub fn children_cpu_secs() -> Option<f64> {
    cpu_secs(libc::RUSAGE_CHILDREN)
}

/// Peak resident set in KiB of the largest descendant this process has waited for
/// (`getrusage(RUSAGE_CHILDREN).ru_maxrss`; Linux reports KiB). For `cargo check` that is
/// rustc. `None` if the call fails.
pub fn children_peak_rss_kib() -> Option<u64> {
    // SAFETY: getrusage only writes into the zeroed struct we own.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    if rc != 0 {
        return None;
    }
    u64::try_from(usage.ru_maxrss).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vm_hwm_lines() {
        let cases = [
            ("Name:\txtask\nVmPeak:\t  9000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t 1 kB\n", Some(123456)),
            ("VmHWM: 7\n", Some(7)),
            ("VmHWM:\t12 MB\n", None),
            ("VmHWM:\tlots kB\n", None),
            ("VmRSS:\t1 kB\n", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_vm_hwm(text), want, "{text:?}");
        }
    }

    #[test]
    fn probes_answer_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(self_peak_rss_kib().is_some_and(|k| k > 0));
            assert!(children_peak_rss_kib().is_some());
            assert!(self_cpu_secs().is_some_and(|s| s >= 0.0));
            assert!(children_cpu_secs().is_some());
        }
    }
}
