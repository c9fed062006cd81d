//! Finding a property in a model's field table (`Model::FIELDS`) by its wire name, for keys
//! that do not come in table order and for unknown keys.
//!
//! The shared visitor first tries the index after the previous key's (objects mostly list
//! their keys in table order). When that fails, small tables are scanned; larger ones get a
//! hash index, built the first time a thread needs it for that table and kept in a
//! thread-local map keyed by the table's address (so generated code needs nothing more than
//! its `FIELDS` constant, and there is no lock). Graph sends keys in the service's order, not
//! the docs', and many properties the docs do not describe: without an index, each of those
//! keys scanned the whole table.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// Tables up to this size are scanned (as cheap as hashing the key at these sizes).
const SCAN_MAX: usize = 12;

/// The index of `key` in `fields`, trying `cursor` first.
pub(crate) struct Lookup {
    fields: &'static [&'static str],
    /// Fetched on the first miss of an object with a large table.
    index: Option<Rc<Index>>,
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
        let index = self.index.get_or_insert_with(|| index_of(fields));
        index.find(fields, key)
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
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let mut word = [0u8; 8];
    let tail = chunks.remainder();
    word[..tail.len()].copy_from_slice(tail);
    h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    // The high bits are the best mixed.
    (h >> 32) as usize
}

/// Keys of the index map: a table's address, already unique, mixed by one multiplication.
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0 ^ n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type Indexes = HashMap<(usize, usize), Rc<Index>, BuildHasherDefault<AddressHasher>>;

thread_local! {
    /// One index per field table this thread has needed one for; a table is a `'static`
    /// constant, so its address and length identify it (two types sharing a table may share
    /// an index: it only maps names to positions in that table).
    static INDEXES: RefCell<Indexes> = RefCell::new(Indexes::default());
}

/// The index of `fields`, built on first use by this thread.
fn index_of(fields: &'static [&'static str]) -> Rc<Index> {
    let key = (fields.as_ptr() as usize, fields.len());
    let cached = INDEXES.try_with(|map| map.try_borrow().ok().and_then(|m| m.get(&key).cloned()));
    if let Ok(Some(index)) = cached {
        return index;
    }
    let index = Rc::new(Index::new(fields));
    // Not cached while the thread is being torn down (or, impossibly, re-entered): correct,
    // just slower.
    let _ = INDEXES.try_with(|map| {
        if let Ok(mut map) = map.try_borrow_mut() {
            map.insert(key, Rc::clone(&index));
        }
    });
    index
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
