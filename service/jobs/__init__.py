"""Asynchronous ingestion: articles accepted with `Prefer: respond-async` are stored as `pending` with a job;
an executor (in-process by default, Dramatiq workers on RabbitMQ with EVENTLINE_BROKER_URL) runs the job."""
