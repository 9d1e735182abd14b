"""Webhooks: subscriptions (`subscriptions`), the durable outbox written with the events (`outbox`), and the
sender of Standard Webhooks requests carrying CloudEvents (`delivery`)."""
