-- Test users: "test" (password "test") was hashed by Werkzeug 1.0.1 on
-- Python 2.7, "other" (password "other") by Werkzeug 3.1 on Python 3.13, so
-- every login test also checks that hashes move between the two.
INSERT INTO user (username, password)
VALUES
  ('test', 'pbkdf2:sha256:1000$yZ7vvn23$8e8f23e9c40eceac972ec0a25ddc82afafb595e008d48687d81352250dfeae6b'),
  ('other', 'pbkdf2:sha256:1000$0bpXhbGIOve49uev$16c2f4a9abccc75f46e2dd3687febf8b5998419d9af138f6f3ba9a7cbd17d845');

INSERT INTO post (title, body, author_id, created)
VALUES
  ('test title', 'test' || x'0a' || 'body', 1, '2018-01-01 00:00:00'),
  ('Grüße aus Köln ☕', 'Schöne Grüße — 日本語のテキスト', 2, '2018-01-02 00:00:00');
