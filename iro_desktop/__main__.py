from iro_desktop.cli import main

raise SystemExit(main())
