//! floor: the least work any regen must do — read every page and run pulldown-cmark over it
//! (tables on), in parallel with rayon as the real pipeline does, and nothing else. The regen's
//! wall time is reported as a multiple of this.

use pulldown_cmark::{Options, Parser};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// What the floor pass saw (also keeps the optimiser from dropping the work).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FloorStats {
    pub pages: usize,
    pub bytes: usize,
    pub events: usize,
}

/// The version folders, as `tree` reads them.
const VERSION_DIRS: &[&str] = &["v1.0", "beta"];

/// Reads and parses every `*.md` page under `root/v1.0` and `root/beta`.
pub fn run(root: &Path) -> std::io::Result<FloorStats> {
    let mut files = Vec::new();
    for dir in VERSION_DIRS {
        let dir = root.join(dir);
        if dir.is_dir() {
            list_md(&dir, &mut files)?;
        }
    }
    let per_page: Vec<(usize, usize)> = files
        .par_iter()
        .map(|path| match std::fs::read(path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                (bytes.len(), Parser::new_ext(&text, Options::ENABLE_TABLES).count())
            }
            // An unreadable page costs nothing here; the real reader reports it.
            Err(_) => (0, 0),
        })
        .collect();
    Ok(FloorStats {
        pages: files.len(),
        bytes: per_page.iter().map(|p| p.0).sum(),
        events: per_page.iter().map(|p| p.1).sum(),
    })
}

/// Every `*.md` file under `dir`, recursively, symbolic links not followed.
fn list_md(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            list_md(&path, out)?;
        } else if kind.is_file() && path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_pages_bytes_and_events_of_version_folders_only() {
        let dir = std::env::temp_dir().join(format!("graph-docgen-floor-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let page = "# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        for (rel, text) in [
            ("v1.0/api/a.md", page),
            ("beta/resources/b.md", page),
            ("beta/resources/notes.txt", page),
            ("other/c.md", page),
        ] {
            let path = dir.join(rel);
            std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
            std::fs::write(&path, text).expect("write");
        }
        let stats = run(&dir).expect("runs");
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(stats.pages, 2);
        assert_eq!(stats.bytes, 2 * page.len());
        let one = Parser::new_ext(page, Options::ENABLE_TABLES).count();
        assert!(one > 10, "tables are parsed as tables: {one} events");
        assert_eq!(stats.events, 2 * one);
    }
}
