-- Provider settings per upstream (JSON object of strings), e.g. Azure OpenAI's flavor, API version
-- and deployment: one provider, several configurations.
ALTER TABLE upstreams ADD COLUMN settings text NOT NULL DEFAULT '{}';
