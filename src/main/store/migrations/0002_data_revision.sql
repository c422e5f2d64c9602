-- Tributary project schema, version 2: a data revision for the engine's array cache.
-- The engine keeps the arrays it reads from a project in a file in the user-data folder (engine/diskCache.ts), keyed
-- by this token, so reopening a big project does not read every table again. The token must change with every
-- change to what the engine reads, whoever makes it: Tributary's imports, identity resolution, the demo writer, the
-- anonymiser, or another program editing the file. So it is kept by triggers, not by Tributary's writers, on every
-- table the engine reads (engine/load.ts; a test fails when the engine reads a table without them). It is random,
-- not a counter: two copies of one project changed apart must never share a token.
CREATE TABLE data_revision (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  token BLOB NOT NULL CHECK (length(token) = 16)
) STRICT;
INSERT INTO data_revision (id, token) VALUES (1, randomblob(16));

CREATE TRIGGER accounts_revision_insert AFTER INSERT ON accounts BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER accounts_revision_update AFTER UPDATE ON accounts BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER accounts_revision_delete AFTER DELETE ON accounts BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER contacts_revision_insert AFTER INSERT ON contacts BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER contacts_revision_update AFTER UPDATE ON contacts BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER contacts_revision_delete AFTER DELETE ON contacts BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER opportunities_revision_insert AFTER INSERT ON opportunities BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER opportunities_revision_update AFTER UPDATE ON opportunities BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER opportunities_revision_delete AFTER DELETE ON opportunities BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER touchpoints_revision_insert AFTER INSERT ON touchpoints BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER touchpoints_revision_update AFTER UPDATE ON touchpoints BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER touchpoints_revision_delete AFTER DELETE ON touchpoints BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER community_actions_revision_insert AFTER INSERT ON community_actions BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER community_actions_revision_update AFTER UPDATE ON community_actions BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER community_actions_revision_delete AFTER DELETE ON community_actions BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER member_identities_revision_insert AFTER INSERT ON member_identities BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER member_identities_revision_update AFTER UPDATE ON member_identities BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER member_identities_revision_delete AFTER DELETE ON member_identities BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER member_moves_revision_insert AFTER INSERT ON member_moves BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER member_moves_revision_update AFTER UPDATE ON member_moves BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER member_moves_revision_delete AFTER DELETE ON member_moves BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER features_revision_insert AFTER INSERT ON features BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER features_revision_update AFTER UPDATE ON features BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER features_revision_delete AFTER DELETE ON features BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER opportunity_features_revision_insert AFTER INSERT ON opportunity_features BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER opportunity_features_revision_update AFTER UPDATE ON opportunity_features BEGIN UPDATE data_revision SET token = randomblob(16); END;
CREATE TRIGGER opportunity_features_revision_delete AFTER DELETE ON opportunity_features BEGIN UPDATE data_revision SET token = randomblob(16); END;
