//! Finding a property in a model's field table (`Model::FIELDS`) by its wire name, for keys
//! that do not come in table order and for unknown keys.
//!
//! The shared visitor first tries the index after the previous key's (objects mostly list
//! their keys in table order). When that fails, small tables are scanned; larger ones get a
//! hash index, built the first time the process needs it for that table and kept for the
//! process's lifetime in a map keyed by the table's address, so that generated code needs
//! nothing more than its `FIELDS` constant. Each thread remembers the last few indexes it used
//! (no lock on the way). Graph sends keys in the service's order, not the docs', and many
//! properties the docs do not describe: without an index, each of those keys scanned the whole
//! table.
//!
//! Memory: one index per large table actually decoded (a few bytes per field), never freed;
//! bounded by the number of generated types.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// Tables up to this size are scanned (as cheap as hashing the key at these sizes).
const SCAN_MAX: usize = 12;

/// Entries after the cursor checked before the index of a larger table is asked.
const LOOK_AHEAD: usize = 4;

/// The index of `key` in `fields`, trying `cursor` first.
pub(crate) struct Lookup {
    fields: &'static [&'static str],
    /// Fetched on the first miss of an object with a large table.
    index: Option<&'static Index>,
}

impl Lookup {
    pub(crate) fn new(fields: &'static [&'static str]) -> Lookup {
        Lookup { fields, index: None }
    }

    /// The position of `key` in the field table, trying `cursor` (the index after the
    /// previous key's) first. Inlined for that first try, the rest is out of line.
    #[inline]
    pub(crate) fn find(&mut self, cursor: usize, key: &str) -> Option<usize> {
        if self.fields.get(cursor).is_some_and(|f| same(f, key)) {
            return Some(cursor);
        }
        self.find_elsewhere(cursor, key)
    }

    #[inline(never)]
    fn find_elsewhere(&mut self, cursor: usize, key: &str) -> Option<usize> {
        let fields = self.fields;
        if fields.len() <= SCAN_MAX {
            // Usually a few properties further on (absent ones are skipped): the scan starts
            // after the cursor and wraps around.
            let (before, after) = fields.split_at(cursor.min(fields.len()));
            return match after.iter().position(|f| same(f, key)) {
                Some(i) => Some(before.len() + i),
                None => before.iter().position(|f| same(f, key)),
            };
        }
        // The docs' order with absent properties skipped: usually a few entries further on,
        // which is cheaper to check than hashing the key.
        let ahead = fields.get(cursor..).unwrap_or_default();
        if let Some(i) = ahead.iter().take(LOOK_AHEAD).position(|f| same(f, key)) {
            return Some(cursor + i);
        }
        self.index.get_or_insert_with(|| index_of(fields)).find(fields, key)
    }
}

/// String equality without a call to `memcmp` for names up to 32 bytes (nearly all of them):
/// two overlapping loads per side compare the whole name. A key is compared with a field name
/// at least once per property, so this is on the hottest path of decoding.
#[inline]
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    match a.len() {
        0..=3 => a.iter().zip(b).all(|(x, y)| x == y),
        4..=8 => a.first_chunk::<4>() == b.first_chunk::<4>() && a.last_chunk::<4>() == b.last_chunk::<4>(),
        9..=16 => a.first_chunk::<8>() == b.first_chunk::<8>() && a.last_chunk::<8>() == b.last_chunk::<8>(),
        17..=32 => a.first_chunk::<16>() == b.first_chunk::<16>() && a.last_chunk::<16>() == b.last_chunk::<16>(),
        _ => a == b,
    }
}

/// Open addressing over the field names' hashes: `slots` holds field index + 1, 0 is empty.
struct Index {
    slots: Box<[u32]>,
}

impl Index {
    fn new(fields: &[&str]) -> Index {
        // At most half full, so that probes stay short.
        let size = (fields.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![0u32; size].into_boxed_slice();
        for (i, field) in fields.iter().enumerate() {
            let mut slot = hash(field) & (size - 1);
            while slots[slot] != 0 {
                slot = (slot + 1) & (size - 1);
            }
            // Field tables are far below u32::MAX entries; `try_from` keeps it total.
            slots[slot] = u32::try_from(i + 1).unwrap_or(0);
        }
        Index { slots }
    }

    fn find(&self, fields: &[&str], key: &str) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut slot = hash(key) & mask;
        loop {
            let entry = *self.slots.get(slot)? as usize;
            let field = entry.checked_sub(1)?;
            if fields.get(field).is_some_and(|f| same(f, key)) {
                return Some(field);
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// A fast hash of a short ASCII name, 8 bytes at a time (FxHash's mixing).
fn hash(key: &str) -> usize {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = key.len() as u64;
    let mut chunks = key.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        let word = chunk.first_chunk::<8>().map_or(0, |w| u64::from_le_bytes(*w));
        h = (h.rotate_left(5) ^ word).wrapping_mul(K);
    }
    // Byte by byte: a `copy_from_slice` of a variable length is a call to `memcpy`.
    let tail = chunks.remainder().iter().enumerate().fold(0u64, |w, (i, &b)| w | u64::from(b) << (8 * i));
    h = (h.rotate_left(5) ^ tail).wrapping_mul(K);
    // The high bits are the best mixed.
    (h >> 32) as usize
}

/// A field table: its address and length (a `'static` constant; two types sharing a table
/// may share an index, which only maps names to positions in that table).
type TableKey = (usize, usize);

/// Every index built so far.
static INDEXES: Mutex<BTreeMap<TableKey, &'static Index>> = Mutex::new(BTreeMap::new());

/// Slots of the per-thread cache of recently used indexes.
const RECENT_SLOTS: usize = 8;

thread_local! {
    /// Direct-mapped by table address: a hit costs a few instructions, a miss a lock.
    static RECENT: [Cell<Option<(TableKey, &'static Index)>>; RECENT_SLOTS] =
        const { [const { Cell::new(None) }; RECENT_SLOTS] };
}

/// The index of `fields`, built on first use by the process.
fn index_of(fields: &'static [&'static str]) -> &'static Index {
    let key = (fields.as_ptr() as usize, fields.len());
    // Tables are 8-aligned arrays of 16-byte entries: the bits above those vary.
    let slot = (key.0 >> 4) % RECENT_SLOTS;
    let recent = RECENT.try_with(|recent| recent[slot].get()).ok().flatten();
    if let Some((k, index)) = recent {
        if k == key {
            return index;
        }
    }
    let index = shared_index(key, fields);
    // Fails only while the thread is being torn down: then simply not remembered.
    let _ = RECENT.try_with(|recent| recent[slot].set(Some((key, index))));
    index
}

/// The process-wide index of `fields`, built (outside the lock) and leaked on first use.
fn shared_index(key: TableKey, fields: &[&str]) -> &'static Index {
    // A poisoned lock still holds a consistent map (insertions are single calls).
    let known = INDEXES.lock().unwrap_or_else(|e| e.into_inner()).get(&key).copied();
    if let Some(index) = known {
        return index;
    }
    let built = Index::new(fields);
    let mut indexes = INDEXES.lock().unwrap_or_else(|e| e.into_inner());
    // Another thread may have built it meanwhile: keep one, so that at most one per table leaks.
    indexes.entry(key).or_insert_with(|| Box::leak(Box::new(built)))
}

#[cfg(test)]
mod tests {
    use super::*;

    static SMALL: &[&str] = &["id", "displayName", "mail"];
    static LARGE: &[&str] = &[
        "a",
        "bb",
        "ccc",
        "dddd",
        "eeeee",
        "ffffff",
        "ggggggg",
        "hhhhhhhh",
        "iiiiiiiii",
        "jjjjjjjjjjjjjjjjjj",
        "displayName",
        "id",
        "mail",
        "mailNickname",
        "x1",
        "x2",
        "x3",
        "onPremisesLastSyncDateTime",
    ];

    #[test]
    fn finds_every_field_from_every_cursor_and_nothing_else() {
        for fields in [SMALL, LARGE] {
            let mut lookup = Lookup::new(fields);
            for cursor in 0..=fields.len() + 1 {
                for (i, f) in fields.iter().enumerate() {
                    assert_eq!(lookup.find(cursor, f), Some(i), "{f} from {cursor}");
                }
                for unknown in ["", "Id", "ids", "displayname", "@odata.type", "x4", "onPremisesLastSyncDateTimes"] {
                    assert_eq!(lookup.find(cursor, unknown), None, "{unknown} from {cursor}");
                }
            }
        }
        assert_eq!(Lookup::new(&[]).find(0, "id"), None);
    }

    #[test]
    fn same_compares_whole_names_of_every_length() {
        let long = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ";
        for len in 0..=long.len() {
            let a = &long[..len];
            assert!(same(a, a));
            for at in 0..len {
                let mut b = a.as_bytes().to_vec();
                b[at] = b'_';
                assert!(!same(a, std::str::from_utf8(&b).unwrap_or_default()), "{a} at {at}");
            }
            assert!(!same(a, &long[..len.saturating_sub(1)]) || len == 0);
        }
    }

    #[test]
    fn hashes_differ_for_names_that_share_a_prefix() {
        assert_ne!(hash("onPremisesSyncEnabled"), hash("onPremisesSyncEnabledX"));
        assert_ne!(hash("mail"), hash("mail\0"), "the length is part of the hash");
    }
}
