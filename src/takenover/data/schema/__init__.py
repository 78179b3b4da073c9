"""Table Schemas of the clean tables: the single definition of every column, and each table's licence.

The pipeline writes them into `data/datapackage.json`, from which the loader, the tests and the data
dictionary read them back. Code lists and field helpers are in `fields`; each family of tables has its
own module.
"""

from .claims import CLAIM_TABLES
from .disarm import DISARM_TABLES
from .discourse import DISCOURSE_TABLES
from .records import RECORD_TABLES
from .texts import TEXT_TABLES
from .wider import WIDER_TABLES

TABLES: dict[str, dict] = {**TEXT_TABLES, **RECORD_TABLES, **CLAIM_TABLES, **DISCOURSE_TABLES}
TABLES |= {**DISARM_TABLES, **WIDER_TABLES}
