-- Tributary project schema, version 3: the engine's arrays kept in the project itself.
-- Reading every table into the engine's arrays takes seconds on a big project (2.3 s at a million touches); reading
-- them back from one compressed copy takes a fraction of that. The copy lives in the project, so a file shared with
-- a colleague opens as fast on their machine as on its author's, and no copy of client data is left outside it.
-- One engine file (engine/engineFile.ts), gzip-compressed and cut into parts, tagged with the data revision it was
-- made from (migration 0002): a copy of another revision is stale and never read. It is a cache: deleting its rows
-- loses nothing, and the engine checks everything in it before use, as it comes from whoever sent the file.
CREATE TABLE engine_snapshot (
  part INTEGER PRIMARY KEY CHECK (part >= 0),
  revision BLOB NOT NULL CHECK (length(revision) = 16),
  bytes BLOB NOT NULL
) STRICT;
