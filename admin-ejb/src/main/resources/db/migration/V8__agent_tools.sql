-- The MCP tools an agent may see and call: comma-separated patterns ('*' = any, 'get-*' = prefix).
-- An agent's update notifies the key caches already (agents_changed), so a change is live at once.
ALTER TABLE agents ADD COLUMN allowed_tools text NOT NULL DEFAULT '*';
