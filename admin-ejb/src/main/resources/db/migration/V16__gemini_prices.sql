-- Google's list prices for the Gemini models the built-in gemini provider serves (USD per million
-- tokens, prompts up to 200k tokens).
INSERT INTO model_prices (model_pattern, input_usd_per_mtok, output_usd_per_mtok) VALUES
    ('gemini-2.5-pro*',    1.25,  10.00),
    ('gemini-2.5-flash*',  0.30,   2.50),
    ('gemini-2.0-flash*',  0.10,   0.40)
ON CONFLICT DO NOTHING;
