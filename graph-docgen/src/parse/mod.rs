//! parse: one markdown page in, [`PageFacts`] out. Never reads other pages or the disk.
//!
//! [`document`] flattens the markdown into blocks with lines; `page` walks them once,
//! tracking the heading stack, and hands each block to the reader of its section (tables,
//! HTTP request lines, annotated examples, prose sentences).

use crate::facts::PageFacts;

/// Reads everything the tool needs from one page. Never panics, whatever the input.
pub fn parse_page(path: &str, text: &str) -> PageFacts {
    page::read_page(path, text)
}

pub mod annotation;
pub mod document;
pub mod enums;
pub mod example;
pub mod front_matter;
pub mod http_block;
pub mod json;
pub mod lines;
pub mod markers;
mod page;
pub mod possible_values;
pub mod prose;
pub mod sections;
pub mod table;
pub mod text;
pub mod type_cell;
