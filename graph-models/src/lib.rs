//! Typed Microsoft Graph models and PATCH request builders, generated from the Graph reference
//! docs by graph-docgen (`cargo xtask regen`).
