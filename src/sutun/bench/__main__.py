from sutun.bench.run import main

main()
