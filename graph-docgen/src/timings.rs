//! timings: wall time of each pass of one run, for `cargo xtask regen --timings` and the bench.
//!
//! Kept as data on the run's result (not printed from inside the passes) so that the library
//! stays silent and the caller decides whether to show it.

use std::time::{Duration, Instant};

/// Wall time per pass, in the order the passes ran.
#[derive(Clone, Debug, Default)]
pub struct Timings(pub Vec<(&'static str, Duration)>);

impl Timings {
    /// Runs `f`, recording its wall time under `pass`.
    pub fn time<T>(&mut self, pass: &'static str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let value = f();
        self.0.push((pass, start.elapsed()));
        value
    }

    /// Records a pass timed by the caller (passes that overlap another are measured where
    /// they end).
    pub fn record(&mut self, pass: &'static str, wall: Duration) {
        self.0.push((pass, wall));
    }

    /// One line per pass: `  parse      0.412 s`, then the total.
    pub fn lines(&self) -> String {
        let mut s = String::new();
        let mut total = Duration::ZERO;
        for (pass, d) in &self.0 {
            s.push_str(&format!("  {pass:<26} {:>7.3} s\n", d.as_secs_f64()));
            total += *d;
        }
        s.push_str(&format!("  {:<26} {:>7.3} s\n", "total", total.as_secs_f64()));
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_each_pass_in_order_and_sums_them() {
        let mut t = Timings::default();
        let v = t.time("first", || 1 + 1);
        t.time("second", || std::thread::sleep(Duration::from_millis(2)));
        assert_eq!(v, 2);
        assert_eq!(t.0.iter().map(|(p, _)| *p).collect::<Vec<_>>(), ["first", "second"]);
        assert!(t.0[1].1 >= Duration::from_millis(2));
        let lines = t.lines();
        assert!(lines.contains("first") && lines.contains("second") && lines.contains("total"), "{lines}");
    }
}
