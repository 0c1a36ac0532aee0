-- Conditions worth knowing about a call, e.g. "limits_local": admitted on one node's counters
-- while Redis was away.
ALTER TABLE traces ADD COLUMN flags jsonb NOT NULL DEFAULT '[]';
