//! Snapshots of the rendered `<main>`.
